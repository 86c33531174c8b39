package org.dhakira.index;

/** The names of the index's fields and facet dimensions. */
final class Fields {
    private Fields() {}

    static final String ID = "id";
    static final String SEQ = "seq";
    static final String DATESTAMP = "datestamp";
    static final String SET = "set";
    static final String DELETED = "deleted";

    static final String TITLE_AR = "title_ar";
    static final String TITLE_EN = "title_en";
    /** Every title and name of the record, any language, unstemmed. */
    static final String TITLE_NAME = "title_name";
    static final String TEXT_AR = "text_ar";
    static final String TEXT_EN = "text_en";
    /** The record's aliases and the names and aliases of the records it links to, unstemmed. */
    static final String NAMES = "names";
    static final String ISSUER = "issuer";
    /** The URIs of the linked things whose names the entry carries in {@link #NAMES} or {@link #ISSUER}. */
    static final String LINK = "link";
    /** For each of those, its URI and the fingerprint of the names carried ({@link Relabelling#carrying}). */
    static final String LINK_NAMES = "link_names";
    static final String CODE = "code";
    /** Date of issue (or of a chronicle entry) as an epoch day: range filters and sorting. */
    static final String ISSUED = "issued";
    static final String ISSUED_STORED = "issued_text";

    // Facet dimensions.
    static final String F_KIND = "kind";
    static final String F_TYPE = "type";
    static final String F_RELIABILITY = "reliability";
    static final String F_YEAR = "year";
    static final String F_ORGANISATION = "organisation";
    static final String F_PERSON = "person";
    static final String F_LANGUAGE = "language";
    static final String F_SOURCE = "source";

    static final String[] FACETS = {F_KIND, F_TYPE, F_RELIABILITY, F_YEAR, F_ORGANISATION, F_PERSON, F_LANGUAGE, F_SOURCE};
}
