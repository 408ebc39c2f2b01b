package shop.negatives;

import java.util.HashMap;
import java.util.Map;

/**
 * A persistence type of the project's own whose methods share JDBC's names but take the name of a statement
 * declared elsewhere (jBPM's TaskPersistenceContext): a bare name is no query text.
 */
interface TaskStore {

    int executeUpdate(String statementName, Map<String, Object> params);

    Object executeQuery(String statementName, Map<String, Object> params);
}

class TaskCleanup {

    private final TaskStore store;

    TaskCleanup(TaskStore store) {
        this.store = store;
    }

    int purge(long taskId) {
        Map<String, Object> params = new HashMap<>();
        params.put("taskId", taskId);
        store.executeQuery("TasksOfOwner", params);
        return store.executeUpdate("DeleteTaskVariablesForTask", params);
    }
}
