package org.credfolio.sharing.wallet;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.util.Map;

/** A QR code as a small SVG: one rect per run of dark modules, a 4-module quiet zone, no script. */
final class QrSvg {
    private QrSvg() {}

    static String of(String text) {
        BitMatrix matrix;
        try {
            matrix = new QRCodeWriter()
                    .encode(
                            text,
                            BarcodeFormat.QR_CODE,
                            0,
                            0,
                            Map.of(EncodeHintType.MARGIN, 4, EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M));
        } catch (WriterException e) {
            throw new IllegalStateException("The link does not fit in a QR code.", e);
        }
        int width = matrix.getWidth();
        int height = matrix.getHeight();
        StringBuilder svg = new StringBuilder()
                .append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ")
                .append(width)
                .append(' ')
                .append(height)
                .append("\" width=\"")
                .append(width * 6)
                .append("\" height=\"")
                .append(height * 6)
                .append("\" shape-rendering=\"crispEdges\" role=\"img\" aria-label=\"QR code\">")
                .append("<rect width=\"100%\" height=\"100%\" fill=\"#fff\"/>");
        for (int y = 0; y < height; y++) {
            int x = 0;
            while (x < width) {
                if (!matrix.get(x, y)) {
                    x++;
                    continue;
                }
                int start = x;
                while (x < width && matrix.get(x, y)) {
                    x++;
                }
                svg.append("<rect x=\"")
                        .append(start)
                        .append("\" y=\"")
                        .append(y)
                        .append("\" width=\"")
                        .append(x - start)
                        .append("\" height=\"1\" fill=\"#000\"/>");
            }
        }
        return svg.append("</svg>").toString();
    }
}
