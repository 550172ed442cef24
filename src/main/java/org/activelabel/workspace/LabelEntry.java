package org.activelabel.workspace;

import java.time.Instant;

/** A label on an image: the class, who gave it and when. Model labels are never shown as human ones. */
public record LabelEntry(int classIndex, Source source, Instant time) {

    public enum Source { HUMAN, MODEL }
}
