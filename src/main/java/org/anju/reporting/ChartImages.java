package org.anju.reporting;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.text.NumberFormat;

import javax.imageio.ImageIO;

import org.anju.platform.CjkFont;
import org.anju.reporting.SectionView.Row;
import org.anju.reporting.SectionView.Table;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PiePlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.general.DefaultPieDataset;

import org.springframework.stereotype.Component;

/**
 * Draws a section's table as a PNG for the PDF with JFreeChart: ECharts needs a browser,
 * and JFreeChart gives axes, legends and pie labels that plain Java2D would have us write
 * again. The chart shows the table's first column; the CJK font draws its labels.
 */
@Component
class ChartImages {

	/** Past this many rows a chart is unreadable: the rest stay in the table. */
	static final int MAX_BARS = 15;

	private static final int WIDTH = 1000;

	private static final int HEIGHT = 420;

	private static final Color[] COLOURS = { new Color(0x1f, 0x6f, 0xb2), new Color(0xe0, 0x7b, 0x39),
			new Color(0x3a, 0x9d, 0x5d), new Color(0xc0, 0x39, 0x2b), new Color(0x8e, 0x6c, 0xb8),
			new Color(0x7f, 0x8c, 0x8d) };

	private final CjkFont font;

	ChartImages(CjkFont font) {
		this.font = font;
	}

	/**
	 * @return the chart as PNG bytes
	 */
	byte[] png(Table table) {
		JFreeChart chart = switch (table.chart()) {
			case PIE -> pie(table);
			case LINE -> ChartFactory.createLineChart(null, null, null, dataset(table), PlotOrientation.VERTICAL, true,
					false, false);
			case BAR -> ChartFactory.createBarChart(null, null, null, dataset(table), PlotOrientation.VERTICAL, false,
					false, false);
		};
		style(chart, table.rows().stream().anyMatch((row) -> row.values().get(0) instanceof BigDecimal));
		BufferedImage image = chart.createBufferedImage(WIDTH, HEIGHT);
		ByteArrayOutputStream png = new ByteArrayOutputStream();
		try {
			ImageIO.write(image, "png", png);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return png.toByteArray();
	}

	private JFreeChart pie(Table table) {
		DefaultPieDataset<String> data = new DefaultPieDataset<>();
		table.rows().stream().limit(MAX_BARS).forEach((row) -> data.setValue(row.label(), first(row)));
		JFreeChart chart = ChartFactory.createPieChart(null, data, true, false, false);
		@SuppressWarnings("unchecked")
		PiePlot<String> plot = (PiePlot<String>) chart.getPlot();
		plot.setLabelFont(this.font.awt(Font.PLAIN, 15));
		plot.setBackgroundPaint(Color.WHITE);
		plot.setOutlineVisible(false);
		for (int i = 0; i < data.getItemCount(); i++) {
			plot.setSectionPaint(data.getKey(i), COLOURS[i % COLOURS.length]);
		}
		return chart;
	}

	private DefaultCategoryDataset dataset(Table table) {
		DefaultCategoryDataset data = new DefaultCategoryDataset();
		boolean line = table.chart() == SectionView.Chart.LINE;
		for (Row row : table.rows().stream().limit(line ? Long.MAX_VALUE : MAX_BARS).toList()) {
			// a line chart shows every column as a series; bars the first
			int series = line ? row.values().size() : 1;
			for (int i = 0; i < series; i++) {
				Number value = row.values().get(i);
				data.addValue((value != null) ? value.doubleValue() : 0, table.columns().get(i),
						line ? row.label().substring(5) : row.label());
			}
		}
		return data;
	}

	private void style(JFreeChart chart, boolean rates) {
		chart.setBackgroundPaint(Color.WHITE);
		chart.setAntiAlias(true);
		chart.setTextAntiAlias(true);
		if (chart.getLegend() != null) {
			chart.getLegend().setItemFont(this.font.awt(Font.PLAIN, 15));
		}
		if (chart.getPlot() instanceof CategoryPlot plot) {
			plot.setBackgroundPaint(Color.WHITE);
			plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
			plot.getDomainAxis().setTickLabelFont(this.font.awt(Font.PLAIN, 13));
			plot.getDomainAxis().setCategoryLabelPositions(CategoryLabelPositions.UP_45);
			plot.getRangeAxis().setTickLabelFont(this.font.awt(Font.PLAIN, 13));
			if (rates) {
				((NumberAxis) plot.getRangeAxis()).setNumberFormatOverride(NumberFormat.getPercentInstance());
				plot.getRangeAxis().setUpperBound(1);
			}
			else {
				plot.getRangeAxis().setStandardTickUnits(NumberAxis.createIntegerTickUnits());
			}
			if (plot.getRenderer() instanceof BarRenderer bars) {
				bars.setBarPainter(new StandardBarPainter());
				bars.setShadowVisible(false);
				bars.setSeriesPaint(0, COLOURS[0]);
			}
			else {
				for (int i = 0; i < COLOURS.length; i++) {
					plot.getRenderer().setSeriesPaint(i, COLOURS[i]);
					plot.getRenderer().setSeriesStroke(i, new BasicStroke(2.5f));
				}
			}
		}
	}

	private static double first(Row row) {
		Number value = row.values().get(0);
		return (value != null) ? value.doubleValue() : 0;
	}

}
