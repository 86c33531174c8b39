/**
 * The OAI-PMH 2.0 provider: the six verbs, their arguments and errors ({@link org.dhakira.oai.OaiRequest}),
 * the opaque keyset {@link org.dhakira.oai.ResumptionToken}, the sets, the metadata formats ({@code oai_dc}
 * and {@code rdf}) and the streaming XML writer. Lists come from the index's ordered listing, records from
 * the store; nothing here sorts or counts records itself.
 */
package org.dhakira.oai;
