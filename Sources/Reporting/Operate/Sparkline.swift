/// A one-line chart of a series with the block characters ▁▂▃▄▅▆▇█.
package enum Sparkline {
    /// The eight blocks, lowest first.
    package static let blocks: [Character] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]

    /// One block per value, scaled from 0 to the series' maximum; at most `width` blocks (groups of
    /// neighbouring values are summed first). An all-zero series is all `▁`; empty gives "".
    package static func render(_ values: [Double], width: Int = 30) -> String {
        let points = downsample(values.map { max(0, $0) }, to: max(1, width))
        guard let top = points.max() else { return "" }
        return String(points.map { value -> Character in
            guard top > 0 else { return blocks[0] }
            let index = Int((value / top * Double(blocks.count - 1)).rounded())
            return blocks[min(max(index, 0), blocks.count - 1)]
        })
    }

    /// `values` summed into at most `width` buckets of (nearly) equal size.
    static func downsample(_ values: [Double], to width: Int) -> [Double] {
        guard values.count > width else { return values }
        var buckets = Array(repeating: 0.0, count: width)
        for (index, value) in values.enumerated() {
            buckets[index * width / values.count] += value
        }
        return buckets
    }
}
