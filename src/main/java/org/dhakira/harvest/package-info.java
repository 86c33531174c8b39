/**
 * Federation, the road in: the peer archives this archive harvests over OAI-PMH, as data in
 * {@code harvest/peers.json}. (The harvester itself is the federation issue's; for now the peers are read,
 * checked, and named in OAI-PMH Identify's friends description.)
 */
package org.dhakira.harvest;
