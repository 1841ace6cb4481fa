package org.jobboard.gateway.openapi;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** One step of the merge, named after what it does to the merged document; {@link OpenApiMerger} applies them in order. */
interface DocumentTransform {
    void apply(ObjectNode merged);
}
