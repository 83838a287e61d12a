import java.awt.*;
import java.awt.geom.*;
import java.awt.image.BufferedImage;
import javax.imageio.ImageIO;
import java.io.File;
/** Renders assets/icon/concord-N.png: a Java2D twin of concord.svg, so no SVG tool is needed. Run: java packaging/RenderIcons.java (in assets/icon). */
public class RenderIcons {
  public static void main(String[] a) throws Exception {
    for (int size : new int[]{16,32,48,64,128,256,512}) {
      BufferedImage img = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
      Graphics2D g = img.createGraphics();
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
      g.scale(size/256.0, size/256.0);
      g.setPaint(new GradientPaint(0,0,new Color(0x3B82F6),0,256,new Color(0x1D4ED8)));
      g.fill(new RoundRectangle2D.Double(8,8,240,240,104,104));
      g.setColor(Color.WHITE);
      g.setStroke(new BasicStroke(20, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
      g.draw(new Line2D.Double(84,64,84,192));
      Path2D p = new Path2D.Double(); p.moveTo(172,64); p.curveTo(172,130,84,120,84,176); g.draw(p);
      g.fill(new Ellipse2D.Double(62,42,44,44));
      g.setColor(new Color(0xFBBF24)); g.fill(new Ellipse2D.Double(150,42,44,44));
      g.setColor(Color.WHITE); g.fill(new Ellipse2D.Double(58,166,52,52));
      g.setColor(new Color(0x1D4ED8)); g.fill(new Ellipse2D.Double(72,180,24,24));
      g.dispose();
      ImageIO.write(img, "png", new File("concord-" + size + ".png"));
    }
  }
}
