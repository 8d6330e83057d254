import DagforgeWire

/// DolphinScheduler's statuses of the executor, instance, task instance and log endpoints (reference §12).
extension Status {
    static let taskTimeoutParamsError = Status(10002, "task timeout parameter is not valid")
    static let taskParallelismParamsError = Status(50080, "task parallelism parameter is not valid")
    static let scheduleTimeNumberExceed = Status(1400003, "The number of complement dates exceed 100.")
    static let startNodeNotExistInLastProcess = Status(10207, "this node {0} does not exist in the latest process definition")
    static let startProcessInstanceError = Status(50014, "start process instance error")
    static let executeProcessInstanceError = Status(50015, "execute process instance error")
    static let checkProcessDefinitionError = Status(50016, "check process definition error")
    static let processInstanceNotExist = Status(50001, "process instance {0} does not exist")
    static let processInstanceStateOperationError = Status(50006, "the status of process instance {0} is {1},Cannot perform {2} operation")
    static let queryProcessInstanceListPagingError = Status(10113, "query process instance list paging error")
    static let queryTaskListByProcessInstanceIdError = Status(10114, "query task list by process instance id error")
    static let queryProcessInstanceByIdError = Status(10116, "query process instance by id error")
    static let deleteProcessInstanceByIdError = Status(10117, "delete process instance by id error")
    static let taskInstanceNotFound = Status(10008, "task instance not found")
    static let taskInstanceHostIsNull = Status(10191, "task instance host is null")
    static let taskInstanceStateOperationError = Status(10166, "the status of task instance {0} is {1},Cannot perform force success operation")
    static let forceTaskSuccessError = Status(10165, "force task success error")
    static let queryTaskListPagingError = Status(10082, "query task list paging error")
    static let queryTaskInstanceLogError = Status(10103, "view task instance log error: {0}")
    static let downloadTaskInstanceLogFileError = Status(10104, "download task instance log file error")
}
