import java.awt.Rectangle;
import java.awt.Robot;
import java.awt.Toolkit;
import java.awt.event.KeyEvent;
import java.io.File;
import javax.imageio.ImageIO;

/**
 * Drives the running application's window with the keyboard (java.awt.Robot, through the X server's XTEST
 * extension) and saves screenshots of the whole (virtual) screen. Run by take.sh as a single-file program:
 * {@code java Drive.java OUTPUT_FOLDER}, with DISPLAY set to the Xvfb the application shows on.
 */
public class Drive {
    private static Robot robot;
    private static File out;

    public static void main(String[] args) throws Exception {
        out = new File(args[0]);
        robot = new Robot();
        robot.setAutoDelay(40);
        pause(1500);
        shot("app-main.png");
        // Without a window manager Java windows get no keyboard focus: drive them with the mouse, by the
        // toolbar's buttons and menus (their places in the default 1280x800 window); a dialog opened by a
        // click has the focus, so Escape closes it. File > Quit closes the window, which stops the application.
        click(110, 40);
        pause(1200);
        shot("app-add.png");
        escape();
        click(512, 40);
        pause(5000);
        shot("app-wallet.png");
        escape();
        click(587, 40);
        pause(1500);
        shot("app-settings.png");
        escape();
        click(204, 11);
        pause(1000);
        shot("app-payments-menu.png");
        click(204, 11);
        pause(300);
        click(18, 11);
        pause(500);
        click(43, 148);
    }

    private static void click(int x, int y) {
        robot.mouseMove(x, y);
        robot.mousePress(java.awt.event.InputEvent.BUTTON1_DOWN_MASK);
        robot.mouseRelease(java.awt.event.InputEvent.BUTTON1_DOWN_MASK);
        robot.waitForIdle();
    }

    /** Escape closes the dialog that the click opened (and focused). */
    private static void escape() throws InterruptedException {
        keys(KeyEvent.VK_ESCAPE);
        pause(400);
    }

    private static void keys(int... codes) {
        for (int c : codes) {
            robot.keyPress(c);
        }
        for (int i = codes.length - 1; i >= 0; i--) {
            robot.keyRelease(codes[i]);
        }
        robot.waitForIdle();
    }

    private static void pause(long millis) throws InterruptedException {
        robot.waitForIdle();
        Thread.sleep(millis);
    }

    private static void shot(String name) throws Exception {
        Rectangle screen = new Rectangle(Toolkit.getDefaultToolkit().getScreenSize());
        ImageIO.write(robot.createScreenCapture(screen), "png", new File(out, name));
        System.out.println("saved " + name);
    }
}
