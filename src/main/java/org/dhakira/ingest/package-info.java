/** Reading and checking input (the JSON record format and RDF), and loading it into the store whole or not at all. */
package org.dhakira.ingest;
