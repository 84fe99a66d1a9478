package io.mutuality.registration;

import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.PdfWriter;
import java.io.ByteArrayOutputStream;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** A certificate as an A4 landscape PDF: who, which course, when, with whom, and how to check it. */
final class CertificatePdf {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

    private CertificatePdf() {}

    static byte[] render(Certificate c, String verifyUrl) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4.rotate(), 72, 72, 72, 72);
        PdfWriter.getInstance(document, out);
        document.addTitle("Certificate " + c.code);
        document.addCreator("Mutuality");
        document.open();
        document.add(centred(c.organisationName, new Font(Font.HELVETICA, 14, Font.NORMAL), 0));
        document.add(centred("Certificate of completion", new Font(Font.HELVETICA, 30, Font.BOLD), 28));
        document.add(centred("This certifies that", new Font(Font.HELVETICA, 13, Font.NORMAL), 28));
        document.add(centred(c.holderName, new Font(Font.TIMES_ROMAN, 28, Font.BOLDITALIC), 10));
        document.add(centred("took part in and completed", new Font(Font.HELVETICA, 13, Font.NORMAL), 18));
        document.add(centred(c.courseTitle, new Font(Font.HELVETICA, 20, Font.BOLD), 8));
        String dates = c.firstDay.equals(c.lastDay)
                ? DATE.format(c.firstDay)
                : DATE.format(c.firstDay) + " to " + DATE.format(c.lastDay);
        document.add(centred(dates, new Font(Font.HELVETICA, 13, Font.NORMAL), 10));
        document.add(centred("With " + c.trainers, new Font(Font.HELVETICA, 12, Font.ITALIC), 18));
        document.add(centred(
                "Certificate " + c.code + "  ·  check it at " + verifyUrl,
                new Font(Font.COURIER, 10, Font.NORMAL),
                40));
        document.close();
        return out.toByteArray();
    }

    private static Paragraph centred(String text, Font font, float spacingBefore) {
        Paragraph paragraph = new Paragraph(text, font);
        paragraph.setAlignment(Element.ALIGN_CENTER);
        paragraph.setSpacingBefore(spacingBefore);
        return paragraph;
    }
}
