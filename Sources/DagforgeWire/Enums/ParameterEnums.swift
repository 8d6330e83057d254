// Parameter and task-plugin enums (reference §5.3).

public enum Direct: String, WireEnum { case IN, OUT }

public enum DataType: String, WireEnum {
    case VARCHAR, INTEGER, LONG, FLOAT, DOUBLE, DATE, TIME, TIMESTAMP, BOOLEAN, LIST, FILE
}

public enum DependentRelation: String, WireEnum { case AND, OR }

public enum DependResult: String, WireEnum { case SUCCESS, WAITING, FAILED, NON_EXEC }

public enum DependentFailurePolicy: String, WireEnum { case DEPENDENT_FAILURE_FAILURE, DEPENDENT_FAILURE_WAITING }

public enum HttpMethod: String, WireEnum { case GET, POST, HEAD, PUT, DELETE }

public enum HttpCheckCondition: String, WireEnum {
    case STATUS_CODE_DEFAULT, STATUS_CODE_CUSTOM, BODY_CONTAINS, BODY_NOT_CONTAINS
}

public enum HttpParametersType: String, WireEnum { case PARAMETER, BODY, HEADERS }

/// Datasource types. `SQLITE` is dagforge's addition for the included engine; the rest are
/// DolphinScheduler's, in its order.
public enum DbType: String, WireEnum {
    case MYSQL, POSTGRESQL, HIVE, SPARK, CLICKHOUSE, ORACLE, SQLSERVER, DB2, PRESTO, H2, REDSHIFT, ATHENA
    case TRINO, STARROCKS, AZURESQL, DAMENG, OCEANBASE, SSH, KYUUBI, DATABEND, SNOWFLAKE, VERTICA, HANA
    case DORIS, ZEPPELIN, SAGEMAKER, SQLITE
}

/// The task types the included engine runs; any other `taskType` string passes through to a cluster.
public enum TaskType {
    public static let shell = "SHELL"
    public static let python = "PYTHON"
    public static let sql = "SQL"
    public static let subProcess = "SUB_PROCESS"
    public static let dependent = "DEPENDENT"
    public static let conditions = "CONDITIONS"
    public static let `switch` = "SWITCH"
    public static let http = "HTTP"
}
