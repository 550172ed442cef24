package org.activelabel.session;

import java.time.Instant;
import org.activelabel.workspace.LabelEntry;

/** The current label of an image after replaying the journal. */
public record LabelState(int classId, LabelEntry.Source source, Instant time) {
}
