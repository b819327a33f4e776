/// The rows of a list that pass the filter, as indices into the tab's rows.
///
/// Without a filter no index array is built, so a 100,000-row list costs nothing extra.
public struct VisibleRows: Hashable, Sendable {
  private var indices: [Int]?
  public private(set) var count: Int

  public static func all(_ count: Int) -> VisibleRows { VisibleRows(indices: nil, count: count) }

  public static func only(_ indices: [Int]) -> VisibleRows {
    VisibleRows(indices: indices, count: indices.count)
  }

  /// The row index shown at `position`.
  public subscript(position: Int) -> Int { indices?[position] ?? position }

  /// The position at which row `index` is shown, if it is.
  public func position(of index: Int) -> Int? {
    guard let indices else { return index < count ? index : nil }
    return indices.firstIndex(of: index)
  }

  public var isFiltered: Bool { indices != nil }
}
