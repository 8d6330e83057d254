// Definition-side enums (reference §5.1). On the wire every enum is its constant name.

public enum ReleaseState: String, WireEnum { case OFFLINE, ONLINE }

public enum Flag: String, WireEnum { case NO, YES }

public enum Priority: String, WireEnum { case HIGHEST, HIGH, MEDIUM, LOW, LOWEST }

public enum FailureStrategy: String, WireEnum { case END, CONTINUE }

public enum WarningType: String, WireEnum { case NONE, SUCCESS, FAILURE, ALL, GLOBAL }

public enum TimeoutFlag: String, WireEnum { case CLOSE, OPEN }

public enum TaskTimeoutStrategy: String, WireEnum { case WARN, FAILED, WARNFAILED }

/// How concurrent instances of the same workflow are handled (`executionType`).
public enum ProcessExecutionType: String, WireEnum { case PARALLEL, SERIAL_WAIT, SERIAL_DISCARD, SERIAL_PRIORITY }

public enum ConditionType: String, WireEnum { case NONE, JUDGE, DELAY }

public enum TaskExecuteType: String, WireEnum { case BATCH, STREAM }

public enum UserType: String, WireEnum { case ADMIN_USER, GENERAL_USER }
