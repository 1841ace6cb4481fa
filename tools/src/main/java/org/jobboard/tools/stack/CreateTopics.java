package org.jobboard.tools.stack;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;

/**
 * Creates the topics listed in deploy/local/topics.tsv that do not exist yet (single-node stack: replication 1).
 *
 * <p>One file on purpose: {@code ./dev stack start} runs it with the source launcher and the stack libraries
 * ({@code stack_tool} in deploy/local/lib.sh) before anything is built, so it uses only the JDK and kafka-clients.
 */
public class CreateTopics {
    public static void main(String[] args) throws Exception {
        String bootstrap = args[0];
        Path file = Path.of(args[1]);
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        try (Admin admin = Admin.create(props)) {
            Set<String> existing = admin.listTopics().names().get();
            List<NewTopic> wanted = new ArrayList<>();
            for (String line : Files.readAllLines(file)) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] cols = line.split("\t");
                if (existing.contains(cols[0])) {
                    continue;
                }
                Map<String, String> configs = new HashMap<>();
                if (cols.length > 2) {
                    for (String pair : cols[2].split(",")) {
                        String[] kv = pair.split("=", 2);
                        configs.put(kv[0], kv[1]);
                    }
                }
                wanted.add(new NewTopic(cols[0], Integer.parseInt(cols[1]), (short) 1).configs(configs));
            }
            if (wanted.isEmpty()) {
                return;
            }
            try {
                admin.createTopics(wanted).all().get();
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw e;
                }
            }
            wanted.forEach(t -> System.out.println("created topic " + t.name()));
        }
    }
}
