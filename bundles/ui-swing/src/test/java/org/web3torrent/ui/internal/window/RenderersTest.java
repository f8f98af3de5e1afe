package org.web3torrent.ui.internal.window;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;

import javax.swing.JLabel;
import javax.swing.JTable;

import org.junit.jupiter.api.Test;

class RenderersTest {

    @Test
    void aMoneyCellIsRoundedToFitAndItsTooltipIsExactToTheWei() {
        JLabel cell = (JLabel) Renderers.wei().getTableCellRendererComponent(new JTable(),
                new BigInteger("16000000000123"), false, false, 0, 0);
        assertThat(cell.getText()).isEqualTo("0.000016 ETH");
        assertThat(cell.getToolTipText()).isEqualTo("16,000,000,000,123 wei");
    }

    @Test
    void anUnknownAmountIsBlankWithoutTooltip() {
        JLabel cell = (JLabel) Renderers.wei().getTableCellRendererComponent(new JTable(), null, false, false, 0, 0);
        assertThat(cell.getText()).isEmpty();
        assertThat(cell.getToolTipText()).isNull();
    }
}
