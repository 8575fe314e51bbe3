package nova.web.ui;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import gg.jte.resolve.DirectoryCodeResolver;
import java.nio.file.Path;
import java.util.Map;

/**
 * jte: precompiled templates in the jar, or templates/ read on each change when NOVA_TEMPLATES_DIR
 * is set (dev).
 */
public final class Templates {
  private final TemplateEngine engine;

  public Templates(String directory) {
    this.engine =
        directory == null || directory.isBlank()
            ? TemplateEngine.createPrecompiled(ContentType.Html)
            : TemplateEngine.create(
                new DirectoryCodeResolver(Path.of(directory)),
                Path.of(System.getProperty("java.io.tmpdir"), "nova-jte"),
                ContentType.Html);
  }

  public String render(String template, Map<String, Object> params) {
    StringOutput out = new StringOutput();
    engine.render(template, params, out);
    return out.toString();
  }
}
