package org.calsim.cluster.member;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

class BundleSetTest {
    private final BundleSet here = new BundleSet(Map.of("org.calsim.dem", "0.1.0.202611250544",
            "org.calsim.api", "0.1.0.202611250544"));

    @Test
    void travelsAsOneLineAndComesBackEqual() {
        assertEquals("org.calsim.api 0.1.0.202611250544;org.calsim.dem 0.1.0.202611250544", here.encode());
        assertEquals(here, BundleSet.decode(here.encode()));
        assertEquals(here.digest(), BundleSet.decode(here.encode()).digest());
    }

    @Test
    void saysWhatDiffers() {
        BundleSet there = new BundleSet(Map.of("org.calsim.dem", "0.1.0.202611240900",
                "org.calsim.api", "0.1.0.202611250544", "org.example.contact", "1.0.0"));
        assertEquals("org.calsim.dem 0.1.0.202611250544 here, 0.1.0.202611240900 there; "
                + "org.example.contact 1.0.0 only there", here.difference(there));
        assertEquals("", here.difference(BundleSet.decode(here.encode())));
        assertNotEquals(here.digest(), there.digest());
    }
}
