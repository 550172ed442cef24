package org.activelabel.session;

/** A class of the session. The id is stable and never reused, so labels survive renames. */
public record SessionClass(int id, String name) {
}
