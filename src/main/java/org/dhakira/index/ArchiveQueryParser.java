package org.dhakira.index;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.Query;

/**
 * Lucene's classic query syntax over the fields people name ({@code title:}, {@code issuer:}, {@code code:},
 * {@code name:}, {@code body:}), each standing for the index fields of one or both languages. Words without a
 * field are looked for in titles, names and text of the chosen language, or of both. All words must match.
 */
final class ArchiveQueryParser extends QueryParser {

    static final String ALL = "_all";

    private static final Map<String, Float> BOOSTS = Map.of(Fields.TITLE_AR, 3f, Fields.TITLE_EN, 3f,
            Fields.TITLE_NAME, 3f, Fields.NAMES, 2f, Fields.CODE, 5f);

    private final Optional<String> language;

    ArchiveQueryParser(Analyzer analyzer, Optional<String> language) {
        this(analyzer, language, ALL);
    }

    /** Words without a field go to {@code defaultField} ({@code title}, {@code body}, …) instead of everywhere. */
    ArchiveQueryParser(Analyzer analyzer, Optional<String> language, String defaultField) {
        super(defaultField, analyzer);
        this.language = language;
        setDefaultOperator(Operator.AND);
    }

    private List<String> fieldsFor(String field) throws ParseException {
        boolean ar = language.isEmpty() || language.get().equals("ar");
        boolean en = language.isEmpty() || language.get().equals("en");
        return switch (field) {
            case ALL -> both(ar, en, List.of(Fields.TITLE_AR, Fields.TEXT_AR), List.of(Fields.TITLE_EN, Fields.TEXT_EN),
                    List.of(Fields.TITLE_NAME, Fields.NAMES, Fields.CODE));
            case "title" -> both(ar, en, List.of(Fields.TITLE_AR), List.of(Fields.TITLE_EN), List.of(Fields.TITLE_NAME));
            case "body", "text" -> both(ar, en, List.of(Fields.TEXT_AR), List.of(Fields.TEXT_EN), List.of());
            case "issuer" -> List.of(Fields.ISSUER);
            case "name", "names" -> List.of(Fields.NAMES, Fields.TITLE_NAME);
            case "code" -> List.of(Fields.CODE);
            // The index's own fields: how the classic parser calls back for phrases with slop.
            case Fields.TITLE_AR, Fields.TITLE_EN, Fields.TITLE_NAME, Fields.TEXT_AR, Fields.TEXT_EN -> List.of(field);
            default -> throw new ParseException("unknown field '" + field + ":' (known: title, issuer, code, name, body)");
        };
    }

    private static List<String> both(boolean ar, boolean en, List<String> arabic, List<String> english, List<String> any) {
        java.util.ArrayList<String> fields = new java.util.ArrayList<>();
        if (ar) fields.addAll(arabic);
        if (en) fields.addAll(english);
        fields.addAll(any);
        return fields;
    }

    private interface PerField {
        Query build(String realField) throws ParseException;
    }

    private Query expand(String field, PerField perField) throws ParseException {
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        int clauses = 0;
        for (String real : fieldsFor(field)) {
            Query q = perField.build(real);
            if (q == null) continue;
            Float boost = BOOSTS.get(real);
            b.add(boost == null ? q : new BoostQuery(q, boost), BooleanClause.Occur.SHOULD);
            clauses++;
        }
        return clauses == 0 ? null : b.build();
    }

    @Override
    protected Query getFieldQuery(String field, String queryText, boolean quoted) throws ParseException {
        return expand(field, real -> super.getFieldQuery(real, real.equals(Fields.CODE) ? queryText.toLowerCase(java.util.Locale.ROOT) : queryText, quoted));
    }

    @Override
    protected Query getFieldQuery(String field, String queryText, int slop) throws ParseException {
        // Built here: the parser's own version calls back into the quoted variant above, losing the slop.
        return expand(field, real -> createPhraseQuery(real, queryText, slop));
    }

    @Override
    protected Query getPrefixQuery(String field, String termStr) throws ParseException {
        return expand(field, real -> super.getPrefixQuery(real, termStr));
    }

    @Override
    protected Query getWildcardQuery(String field, String termStr) throws ParseException {
        return expand(field, real -> super.getWildcardQuery(real, termStr));
    }

    @Override
    protected Query getFuzzyQuery(String field, String termStr, float minSimilarity) throws ParseException {
        return expand(field, real -> super.getFuzzyQuery(real, termStr, minSimilarity));
    }

    @Override
    protected Query getRangeQuery(String field, String part1, String part2, boolean startInclusive, boolean endInclusive) throws ParseException {
        throw new ParseException("ranges are not supported in the query; use the date filters");
    }

    @Override
    protected Query getRegexpQuery(String field, String termStr) throws ParseException {
        throw new ParseException("regular expressions are not supported");
    }
}
