package se.jobbtorg.coach.report;

import com.ibm.icu.text.ArabicShaping;
import com.ibm.icu.text.ArabicShapingException;
import com.ibm.icu.text.Bidi;

/**
 * A line of Arabic-script text made ready for a PDF, which draws glyphs left to right as given:
 * the letters joined in their initial, medial and final forms (shaping, with the lam-alef
 * ligatures) and the line put in visual order (bidi: Arabic runs right to left, names, dates and
 * numbers inside it left to right, brackets mirrored). Text readers (and PDFBox's own) turn the
 * joined forms back into letters and the order back into reading order.
 */
final class RightToLeft {
    private RightToLeft() {}

    /** One line, in reading order, as it is to be drawn from left to right. */
    static String visual(String logical) {
        String shaped;
        try {
            shaped = new ArabicShaping(ArabicShaping.LETTERS_SHAPE
                            | ArabicShaping.TEXT_DIRECTION_LOGICAL
                            | ArabicShaping.LENGTH_GROW_SHRINK)
                    .shape(logical);
        } catch (ArabicShapingException e) {
            // Only raised for the fixed-length options, which are not used; unshaped is still readable.
            shaped = logical;
        }
        Bidi bidi = new Bidi(shaped, Bidi.RTL);
        return bidi.writeReordered(Bidi.DO_MIRRORING | Bidi.REMOVE_BIDI_CONTROLS);
    }
}
