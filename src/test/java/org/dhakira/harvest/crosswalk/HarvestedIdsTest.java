package org.dhakira.harvest.crosswalk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.dhakira.store.RecordId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class HarvestedIdsTest {

    @ParameterizedTest(name = "{0} keeps its local part")
    @CsvSource({"oai:peer.example.org:1234, peer~1234", "oai:peer.example.org:item_7.v2, peer~item_7.v2", "OAI:x:abc, peer~abc",
            "urn:nbn:de:1234, peer~urn-nbn-de-1234-"})
    void aGoodLocalPartIsKept(String identifier, String key) {
        String minted = HarvestedIds.mint("peer", identifier).key();
        if (key.endsWith("-")) assertTrue(minted.startsWith(key), minted);
        else assertEquals(key, minted);
    }

    @ParameterizedTest
    @ValueSource(strings = {"oai:sa.org:document/42", "oai:sa.org:بيان ٤٢", "oai:sa.org:report.xml", "oai:sa.org:a~b", "oai:sa.org:" + "x/"})
    void aLocalPartThatMustChangeGetsAHashAndIsAKey(String identifier) {
        RecordId id = HarvestedIds.mint("syrian-archive", identifier);
        assertTrue(id.key().matches("syrian-archive~([A-Za-z0-9._-]+-)?[0-9a-f]{10}"), id.key());
    }

    @Test
    void theSameLocalPartMintsTheSameKeyAcrossHarvestsAndRepositoryNames() {
        assertEquals(HarvestedIds.mint("p", "oai:old.example.org:document/42"), HarvestedIds.mint("p", "oai:new.example.org:document/42"));
    }

    @Test
    void localPartsThatCleanAlikeStayApart() {
        assertNotEquals(HarvestedIds.mint("p", "oai:x:a/b"), HarvestedIds.mint("p", "oai:x:a b"));
    }

    @Test
    void aVeryLongLocalPartIsCutToAKey() {
        RecordId id = HarvestedIds.mint("p", "oai:x:" + "a/".repeat(300));
        assertTrue(id.key().length() <= 200, id.key());
        assertTrue(RecordId.KEY.matcher(id.key()).matches());
    }

    @Test
    void aBadPeerIdIsRefusedWithTheRule() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> HarvestedIds.mint("Peer", "oai:x:1"));
        assertTrue(e.getMessage().contains("lower-case"), e.getMessage());
    }
}
