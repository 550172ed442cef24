package org.activelabel.workspace;

import java.time.Instant;
import org.activelabel.session.LabelSource;

/** A label on an image: the class, who gave it and when. Model labels are never shown as human ones. */
public record LabelEntry(int classIndex, LabelSource source, Instant time) {
}
