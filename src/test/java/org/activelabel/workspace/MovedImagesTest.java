package org.activelabel.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.activelabel.features.FileKey;
import org.activelabel.image.ScannedImage;
import org.junit.jupiter.api.Test;

/** Which labelled files count as moved: one file gone, one found elsewhere, with the same name, size and time. */
class MovedImagesTest {

    private static Optional<FileKey> seen(String path, long size, long time) {
        return Optional.of(new FileKey(path, size, time));
    }

    @Test
    void aLabelledFileFoundUnderAnotherFolderWithItsNameSizeAndTimeWasMoved() {
        var found = List.of(new ScannedImage("sorted/cat.jpg", 100, 7), new ScannedImage("dog.jpg", 100, 7));
        var moves = MovedImages.find(found, Set.of("cat.jpg"), path -> seen(path, 100, 7));
        assertEquals(Map.of("cat.jpg", "sorted/cat.jpg"), moves);
    }

    @Test
    void anotherSizeTimeOrNameIsAnotherFile() {
        var labelled = Set.of("cat.jpg");
        assertEquals(Map.of(), MovedImages.find(List.of(new ScannedImage("a/cat.jpg", 101, 7)), labelled,
                path -> seen(path, 100, 7)));
        assertEquals(Map.of(), MovedImages.find(List.of(new ScannedImage("a/cat.jpg", 100, 8)), labelled,
                path -> seen(path, 100, 7)));
        assertEquals(Map.of(), MovedImages.find(List.of(new ScannedImage("a/cat2.jpg", 100, 7)), labelled,
                path -> seen(path, 100, 7)));
    }

    @Test
    void twoCandidatesForOneFileOrTwoFilesForOneCandidateMoveNothing() {
        var twoCopies = List.of(new ScannedImage("a/cat.jpg", 100, 7), new ScannedImage("b/cat.jpg", 100, 7));
        assertEquals(Map.of(), MovedImages.find(twoCopies, Set.of("cat.jpg"), path -> seen(path, 100, 7)));
        var oneCopy = List.of(new ScannedImage("c/cat.jpg", 100, 7));
        assertEquals(Map.of(), MovedImages.find(oneCopy, Set.of("a/cat.jpg", "b/cat.jpg"), path -> seen(path, 100, 7)));
    }

    @Test
    void aLabelledFileStillThereOrNeverSeenOrAnAlreadyLabelledOneIsNotAMove() {
        var found = List.of(new ScannedImage("cat.jpg", 100, 7), new ScannedImage("a/cat.jpg", 100, 7));
        assertEquals(Map.of(), MovedImages.find(found, Set.of("cat.jpg"), path -> seen(path, 100, 7)),
                "the labelled file is where it was: the other is a copy");
        var elsewhere = List.of(new ScannedImage("a/cat.jpg", 100, 7));
        assertEquals(Map.of(), MovedImages.find(elsewhere, Set.of("cat.jpg"), path -> Optional.empty()),
                "nothing known of the file that is gone");
        assertEquals(Map.of(), MovedImages.find(elsewhere, Set.of("cat.jpg", "a/cat.jpg"), path -> seen(path, 100, 7)),
                "the file found has a label of its own");
    }
}
