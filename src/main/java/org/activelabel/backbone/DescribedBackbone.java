package org.activelabel.backbone;

/** A backbone whose id, description and shapes are those its {@link BackboneDescriptor} gives. */
abstract class DescribedBackbone implements Backbone {

    protected final BackboneDescriptor descriptor;

    DescribedBackbone(BackboneDescriptor descriptor) {
        this.descriptor = descriptor;
    }

    @Override
    public String id() {
        return descriptor.id();
    }

    @Override
    public String description() {
        return descriptor.description().isEmpty() ? descriptor.id() : descriptor.description();
    }

    @Override
    public int inputWidth() {
        return descriptor.width();
    }

    @Override
    public int inputHeight() {
        return descriptor.height();
    }

    @Override
    public int featureDim() {
        return descriptor.featureDim();
    }
}
