package org.activelabel.session;

import java.time.Instant;

/** The current label of an image after replaying the journal. */
public record LabelState(int classId, LabelSource source, Instant time) {
}
