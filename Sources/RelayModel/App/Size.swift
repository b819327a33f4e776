/// A terminal size in character cells.
public struct Size: Hashable, Sendable, CustomStringConvertible {
  public var rows: Int
  public var columns: Int

  public init(rows: Int, columns: Int) {
    self.rows = rows
    self.columns = columns
  }

  /// The smallest terminal the UI draws into; below it a notice replaces the screens.
  public static let minimum = Size(rows: 16, columns: 60)

  public var isTooSmall: Bool { rows < Self.minimum.rows || columns < Self.minimum.columns }

  public var description: String { "\(columns)×\(rows)" }
}
