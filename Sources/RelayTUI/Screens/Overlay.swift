import RelayModel

/// Placement of a centred box over the screens.
struct Overlay {
  var top: Int
  var left: Int
  var width: Int
  var height: Int

  /// A box of at most `width` × `height`, shrunk to leave a margin, centred.
  static func centred(width: Int, height: Int, in size: Size) -> Overlay {
    let w = min(width, size.columns - 2)
    let h = min(height, size.rows - 2)
    return Overlay(top: max((size.rows - h) / 2, 0), left: max((size.columns - w) / 2, 0), width: w, height: h)
  }

  /// Inside width, after border and one column of padding each side.
  var innerWidth: Int { width - 4 }
  var innerLeft: Int { left + 2 }
  /// Rows available inside, after the border.
  var innerRows: Int { height - 2 }
}
