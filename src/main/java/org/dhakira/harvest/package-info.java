/**
 * Federation, the road in: the peer archives this archive harvests over OAI-PMH, as data in
 * {@code harvest/peers.json} ({@link org.dhakira.harvest.Peers}), and the harvester's side of the protocol
 * ({@link org.dhakira.harvest.OaiClient}): Identify, and ListRecords as a {@link org.dhakira.harvest.Harvest} of
 * {@link org.dhakira.harvest.Page}s, each with the token for the rest, so that a page and its token can be
 * committed together. XML from peers is untrusted and read as such. Storing what is harvested is not here yet.
 */
package org.dhakira.harvest;
