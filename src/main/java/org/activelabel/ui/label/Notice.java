package org.activelabel.ui.label;

/** A short message for the user; {@code seq} makes two equal messages still count as new. */
public record Notice(String text, Kind kind, long seq) {

    public enum Kind { INFO, SUCCESS, ERROR }
}
