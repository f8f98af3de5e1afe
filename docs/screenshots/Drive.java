import java.awt.Rectangle;
import java.awt.Robot;
import java.awt.Toolkit;
import java.awt.event.KeyEvent;
import java.io.File;
import javax.imageio.ImageIO;

/**
 * Drives the running application's window with the keyboard (java.awt.Robot, through the X server's XTEST
 * extension) and saves screenshots of the whole (virtual) screen. Run by take.sh as a single-file program:
 * {@code java Drive.java OUTPUT_FOLDER [BUNDLE_JAR]}, with DISPLAY set to the Xvfb the application shows on.
 * With a jar, it also installs it from Payments > Install strategy bundle... (typing its path into the file
 * chooser) and shows the Payments menu again.
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
        if (args.length > 1) {
            // Payments > Install strategy bundle...: the last item of the open menu (Up from the top wraps to it).
            keys(KeyEvent.VK_UP);
            keys(KeyEvent.VK_ENTER);
            pause(1500);
            type(args[1]);
            keys(KeyEvent.VK_ENTER);
            pause(3000);
            shot("app-installed.png");
            keys(KeyEvent.VK_ENTER);
            pause(500);
            click(204, 11);
            pause(1000);
            shot("app-payments-menu-after-install.png");
        }
        click(204, 11);
        pause(300);
        click(18, 11);
        pause(500);
        click(43, 148);
    }

    /** Types plain path characters with the keyboard (US layout). */
    private static void type(String text) {
        for (char c : text.toCharArray()) {
            boolean shift = Character.isUpperCase(c) || c == '_' || c == ':';
            int code = switch (c) {
                case '/' -> KeyEvent.VK_SLASH;
                case '.' -> KeyEvent.VK_PERIOD;
                case '-', '_' -> KeyEvent.VK_MINUS;
                case ':' -> KeyEvent.VK_SEMICOLON;
                default -> KeyEvent.getExtendedKeyCodeForChar(Character.toLowerCase(c));
            };
            if (shift) {
                keys(KeyEvent.VK_SHIFT, code);
            } else {
                keys(code);
            }
        }
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
