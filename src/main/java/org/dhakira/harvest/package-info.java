/**
 * Federation, the road in: the peer archives this archive harvests over OAI-PMH, as data in
 * {@code harvest/peers.json} ({@link org.dhakira.harvest.Peers}); the harvester's side of the protocol
 * ({@link org.dhakira.harvest.OaiClient}): Identify, and ListRecords as a {@link org.dhakira.harvest.Harvest} of
 * {@link org.dhakira.harvest.Page}s, each with the token for the rest; and the {@link org.dhakira.harvest.Harvester},
 * which commits each page's records with its token and counts ({@link org.dhakira.harvest.PeerState}) in one store
 * batch, copying a peer Dhakira's {@code rdf} as it is ({@code NativeCopy}) and mapping other formats through a
 * {@link org.dhakira.harvest.Crosswalk} (the {@code oai_dc} one is in {@code harvest.crosswalk}). The
 * {@link org.dhakira.harvest.HarvestSchedule} runs harvests in the background while the archive serves. XML from
 * peers is untrusted and read as such.
 */
package org.dhakira.harvest;
