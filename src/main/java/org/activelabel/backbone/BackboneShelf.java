package org.activelabel.backbone;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The backbones the window offers: each bundled one, by name for a new session and by id for a session made with
 * it (a retired one only by id). A backbone is opened when first asked for (and its ONNX model loaded only when an
 * image needs reading), then shared by every session that uses it; closing the shelf closes them.
 */
public final class BackboneShelf implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(BackboneShelf.class);

    /** One backbone as the New session dialog lists it. */
    public record Choice(String name, String id, String description) {
    }

    private record Slot(Choice choice, Path descriptorFile, Supplier<Backbone> opener, boolean offered) {
    }

    private final List<Slot> slots;
    private final Map<String, Backbone> opened = new LinkedHashMap<>();
    private boolean closed;

    private BackboneShelf(List<Slot> slots) {
        this.slots = List.copyOf(slots);
    }

    /**
     * Every bundled backbone whose descriptor is there, the default first, then the retired ones. A missing optional
     * one is left out.
     */
    public static BackboneShelf bundled() {
        var slots = new ArrayList<Slot>();
        for (var name : Backbones.bundledNames()) {
            addBundled(slots, name, true);
        }
        for (var name : Backbones.retiredNames()) {
            addBundled(slots, name, false);
        }
        return new BackboneShelf(slots);
    }

    private static void addBundled(List<Slot> slots, String name, boolean offered) {
        try {
            var file = Backbones.bundledDescriptor(name);
            var descriptor = BackboneDescriptor.read(file);
            slots.add(new Slot(new Choice(name, descriptor.id(), describe(descriptor)), file,
                    () -> new LazyBackbone(file), offered));
        } catch (BackboneException e) {
            if (name.equals(Backbones.DEFAULT)) {
                throw e;
            }
            LOG.warn("bundled backbone \"{}\" left out: {}", name, e.getMessage());
        }
    }

    /** A shelf holding one backbone that is already open, as {@value Backbones#DEFAULT}; closed with the shelf. */
    public static BackboneShelf of(Backbone backbone) {
        var descriptor = Backbones.bundledDescriptorWithId(backbone.id()).orElse(null);
        var shelf = new BackboneShelf(List.of(new Slot(
                new Choice(Backbones.DEFAULT, backbone.id(), backbone.description()), descriptor, () -> backbone, true)));
        shelf.opened.put(backbone.id(), backbone);
        return shelf;
    }

    /** What a new session may be made with. */
    public List<Choice> choices() {
        return slots.stream().filter(Slot::offered).map(Slot::choice).toList();
    }

    /** The backbone a new session is made with. */
    public synchronized Backbone byName(String name) {
        for (var slot : slots) {
            if (slot.offered() && slot.choice().name().equals(name)) {
                return open(slot);
            }
        }
        throw new BackboneException("no backbone named \"" + name + "\"; there are: " + names());
    }

    /** The backbone a session was made with, by the id its session file records. */
    public synchronized Backbone byId(String id) {
        for (var slot : slots) {
            if (slot.choice().id().equals(id)) {
                return open(slot);
            }
        }
        throw new BackboneException("the session was made with the backbone \"" + id + "\", which the window does not"
                + " have (it has: " + names() + "); open it with the session commands and --backbone DESCRIPTOR");
    }

    /** The descriptor file of the backbone with this id, if the shelf knows it (a model export ships it). */
    public Optional<Path> descriptorFile(String id) {
        return slots.stream().filter(s -> s.choice().id().equals(id) && s.descriptorFile() != null)
                .map(Slot::descriptorFile).findFirst();
    }

    private Backbone open(Slot slot) {
        if (closed) {
            throw new BackboneException("the backbones are closed");
        }
        return opened.computeIfAbsent(slot.choice().id(), id -> slot.opener().get());
    }

    private String names() {
        return String.join(", ", slots.stream().filter(Slot::offered)
                .map(s -> s.choice().name() + " (" + s.choice().id() + ")").toList());
    }

    private static String describe(BackboneDescriptor descriptor) {
        return descriptor.description().isEmpty() ? descriptor.id() : descriptor.description();
    }

    @Override
    public synchronized void close() {
        closed = true;
        for (var backbone : opened.values()) {
            backbone.close();
        }
        opened.clear();
    }
}
