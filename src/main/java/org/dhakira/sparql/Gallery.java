package org.dhakira.sparql;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.dhakira.vocab.DataFiles;

/**
 * The example queries of the query page, kept as files in {@code server/queries/} so that archivists can add
 * and edit them: {@code gallery.txt} lists the files in order, and each {@code .rq} file starts with its titles,
 * {@code # title@ar: …} and {@code # title@en: …}.
 *
 * <pre>{@code List<Gallery.Example> examples = Gallery.load(DataFiles.builtIn());}</pre>
 */
public final class Gallery {
    private Gallery() {}

    static final String FOLDER = "server/queries/";
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]*\\.rq");
    private static final Pattern TITLE = Pattern.compile("#\\s*title@(ar|en):\\s*(.+)");

    /** One example: its file's name (without .rq), its titles, and the query. */
    public record Example(String name, String titleAr, String titleEn, String query) {
        public Example {
            if (titleAr == null || titleAr.isBlank() || titleEn == null || titleEn.isBlank()) {
                throw new IllegalArgumentException(FOLDER + name + ".rq needs '# title@ar:' and '# title@en:' lines");
            }
            if (query == null || query.isBlank()) throw new IllegalArgumentException(FOLDER + name + ".rq has no query");
        }
    }

    public static List<Example> load(DataFiles files) {
        List<Example> out = new ArrayList<>();
        for (String line : lines(files, FOLDER + "gallery.txt")) {
            String file = line.strip();
            if (file.isEmpty() || file.startsWith("#")) continue;
            if (!NAME.matcher(file).matches()) throw new IllegalArgumentException(FOLDER + "gallery.txt: '" + file + "' is not a plain .rq file name");
            String ar = null;
            String en = null;
            List<String> query = lines(files, FOLDER + file);
            for (String l : query) {
                Matcher m = TITLE.matcher(l.strip());
                if (!m.matches()) continue;
                if (m.group(1).equals("ar")) ar = m.group(2).strip();
                else en = m.group(2).strip();
            }
            out.add(new Example(file.substring(0, file.length() - 3), ar, en, String.join("\n", query).strip() + "\n"));
        }
        return List.copyOf(out);
    }

    private static List<String> lines(DataFiles files, String path) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(files.open(path), StandardCharsets.UTF_8))) {
            return r.lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }
}
