package org.jobboard.platform.tx;

import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

/** Work that must wait until the current transaction has committed its rows (waking a relay or a worker). */
public final class AfterCommit {
    private AfterCommit() {
    }

    /**
     * Runs {@code action} once after the current transaction commits, however often it is asked for under the same
     * {@code key} within that transaction; nothing runs on rollback.
     */
    public static void runOnce(TransactionSynchronizationRegistry transactions, Object key, Runnable action) {
        if (transactions.getResource(key) != null) {
            return;
        }
        transactions.putResource(key, Boolean.TRUE);
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    action.run();
                }
            }
        });
    }
}
