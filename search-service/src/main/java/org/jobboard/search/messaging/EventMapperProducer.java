package org.jobboard.search.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.jobboard.platform.input.StrictJson;

/** The posting event reader as a bean; beside the reader, so that configuration does not depend on messaging. */
public class EventMapperProducer {
    @Produces
    @Singleton
    PostingEventMapper postingEventMapper(ObjectMapper json) {
        return new PostingEventMapper(StrictJson.forTrustedSource(json));
    }
}
