/** The record store: one TDB2 named graph per record, tombstones, sequence numbers and datestamps. */
package org.dhakira.store;
