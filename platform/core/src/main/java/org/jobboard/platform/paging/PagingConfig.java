package org.jobboard.platform.paging;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "jobboard.paging")
public interface PagingConfig {
    /**
     * Signs cursors so a client cannot forge or alter one; replicas of a service share it. The default is for
     * development only; production sets JOBBOARD_PAGING_CURSOR_SECRET.
     */
    @WithDefault("dev-only-cursor-secret-change-me")
    String cursorSecret();
}
