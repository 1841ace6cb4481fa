package org.jobboard.search.index.lucene;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Organization id → name, for labelling the organization facet without a lookup per search: the writer records the
 * name of each posting it indexes (the newest wins); searches fill in names of organizations not seen since start.
 */
final class OrganizationNames {
    private final Map<String, String> names = new ConcurrentHashMap<>();

    void indexed(String organizationId, String name) {
        if (organizationId != null && name != null) {
            names.put(organizationId, name);
        }
    }

    void foundInIndex(String organizationId, String name) {
        if (name != null) {
            names.putIfAbsent(organizationId, name);
        }
    }

    String get(String organizationId) {
        return names.get(organizationId);
    }
}
