package org.activelabel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.activelabel.app.AppVersion;
import org.junit.jupiter.api.Test;

/** --version prints the version Maven wrote from the pom. */
class VersionOptionTest {

    @Test
    void versionIsThePoms() {
        Cli version = Cli.run("--version");
        assertEquals(0, version.code(), version::toString);
        assertEquals("ActiveLabel " + AppVersion.current(), version.out().strip());
        assertTrue(AppVersion.current().matches("\\d+\\.\\d+.*"), AppVersion.current());
    }
}
