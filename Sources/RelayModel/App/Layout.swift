/// Where the parts of a screen go for a terminal size: title bar, tab bar, an optional
/// banner, the list (header row plus rows), the detail pane, status line and key bar.
///
/// The reducer uses it for page sizes and scrolling and the screens draw with it, so the
/// two never disagree about how many rows are visible.
public struct Layout: Hashable, Sendable {
  public var size: Size
  public var bannerRows: Int
  public var detailRows: Int
  public var listRows: Int

  /// Rows outside the body: title bar, tab bar, status line, key bar.
  static let chromeRows = 4
  /// The body never counts fewer rows than this (below 60×16 the notice is drawn anyway).
  static let smallestBody = 3
  /// The banner takes at most a quarter of the body, and at least two rows.
  static let bannerShare = 4
  static let smallestBanner = 2
  /// The detail pane takes two fifths of what the banner leaves, within these bounds.
  static let detailRowRange = 5...12

  public static let titleRow = 0
  public static let tabRow = 1
  public static let bannerTop = 2

  public init(size: Size, banner: Diagnostic?, hasDetail: Bool) {
    self.size = size
    let body = max(size.rows - Self.chromeRows, Self.smallestBody)
    let banner =
      banner.map {
        Banner.lines(for: $0, width: size.columns, limit: max(Self.smallestBanner, body / Self.bannerShare)).count
      } ?? 0
    bannerRows = banner
    let detail = (body - banner) * 2 / 5
    detailRows = hasDetail ? max(Self.detailRowRange.lowerBound, min(Self.detailRowRange.upperBound, detail)) : 0
    listRows = max(1, body - banner - 1 - detailRows)
  }

  public var headerRow: Int { Self.bannerTop + bannerRows }
  public var listTop: Int { headerRow + 1 }
  /// The detail pane's first row (its separator line).
  public var detailTop: Int { listTop + listRows }
  public var statusRow: Int { size.rows - 2 }
  public var keyBarRow: Int { size.rows - 1 }
}
