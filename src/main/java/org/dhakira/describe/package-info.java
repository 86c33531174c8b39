/**
 * What the archive publishes about one thing: its record's graph, the names of what it links to, and the
 * records that link to it — one {@link org.dhakira.describe.Description}, rendered as RDF or HTML by the web door.
 */
package org.dhakira.describe;
