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

  public static let titleRow = 0
  public static let tabRow = 1
  public static let bannerTop = 2

  public init(size: Size, banner: Diagnostic?, hasDetail: Bool) {
    self.size = size
    let body = max(size.rows - 4, 3)
    let banner = banner.map { Banner.lines(for: $0, width: size.columns, limit: max(2, body / 4)).count } ?? 0
    bannerRows = banner
    detailRows = hasDetail ? max(5, min(12, (body - banner) * 2 / 5)) : 0
    listRows = max(1, body - banner - 1 - detailRows)
  }

  public var headerRow: Int { Self.bannerTop + bannerRows }
  public var listTop: Int { headerRow + 1 }
  /// The detail pane's first row (its separator line).
  public var detailTop: Int { listTop + listRows }
  public var statusRow: Int { size.rows - 2 }
  public var keyBarRow: Int { size.rows - 1 }
}
