/// Engine codes known during an apply: from the snapshot at the start, then from every workflow created
/// and every task code generated on the way.
actor CodeBook {
    private(set) var projectCode: Int64?
    private(set) var workflowCodes: [String: Int64]
    private(set) var taskCodes: [String: [String: Int64]]

    init(projectCode: Int64?, workflowCodes: [String: Int64], taskCodes: [String: [String: Int64]]) {
        self.projectCode = projectCode
        self.workflowCodes = workflowCodes
        self.taskCodes = taskCodes
    }

    func setProject(_ code: Int64) { projectCode = code }
    func setWorkflow(_ name: String, code: Int64) { workflowCodes[name] = code }
    func setTasks(_ workflow: String, codes: [String: Int64]) { taskCodes[workflow] = codes }
}
