/// A page of results (reference §3). Quirks kept on purpose: `pageNo` is the row offset, not the page
/// number, and `totalPage` is 1 for an empty result.
public struct PageInfo<Item: Codable & Sendable>: Codable, Sendable {
    public var totalList: [Item]
    public var total: Int
    public var totalPage: Int
    public var pageSize: Int
    public var currentPage: Int
    public var pageNo: Int

    public init(items: [Item], total: Int, currentPage: Int, pageSize: Int) {
        self.totalList = items
        self.total = total
        self.pageSize = pageSize
        self.currentPage = currentPage
        self.pageNo = (currentPage - 1) * pageSize
        self.totalPage = total == 0 ? 1 : (total + pageSize - 1) / pageSize
    }
}
