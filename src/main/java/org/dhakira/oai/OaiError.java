package org.dhakira.oai;

/** The error codes of OAI-PMH 2.0, section 3.6, as they are spelled in responses. */
public enum OaiError {
    badArgument, badResumptionToken, badVerb, cannotDisseminateFormat, idDoesNotExist, noRecordsMatch,
    noMetadataFormats, noSetHierarchy
}
