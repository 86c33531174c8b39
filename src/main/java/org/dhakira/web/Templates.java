package org.dhakira.web;

import java.io.InputStreamReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import org.dhakira.vocab.DataFiles;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import com.github.mustachejava.MustacheFactory;

/**
 * The HTML templates in {@code server/templates}, rendered with Mustache, which escapes every {@code {{value}}}:
 * text from records can never become markup. Templates are compiled once and cached by the factory.
 *
 * <pre>{@code String html = templates.render("search", view);}</pre>
 */
public final class Templates {

    private final MustacheFactory factory;

    public Templates(DataFiles files) {
        this.factory = new DefaultMustacheFactory(name -> new InputStreamReader(
                files.open("server/templates/" + (name.endsWith(".mustache") ? name : name + ".mustache")), StandardCharsets.UTF_8));
    }

    public String render(String template, Object view) {
        Mustache m = factory.compile(template + ".mustache");
        StringWriter out = new StringWriter();
        try {
            m.execute(out, view).flush();
        } catch (java.io.IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
