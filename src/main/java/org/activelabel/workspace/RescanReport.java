package org.activelabel.workspace;

/**
 * What a new look at the image folder found: images new to the session (or back after they were gone), images
 * whose file changed, images no longer there (their labels are kept), labelled images moved elsewhere under the
 * folder (their labels went with them), and how many images wait to be featurised.
 */
public record RescanReport(int added, int changed, int removed, int moved, int pending) {

    public static final RescanReport NOTHING = new RescanReport(0, 0, 0, 0, 0);

    public boolean changedAnything() {
        return added + changed + removed + moved > 0;
    }
}
