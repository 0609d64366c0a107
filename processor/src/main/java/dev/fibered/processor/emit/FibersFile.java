package dev.fibered.processor.emit;

import com.palantir.javapoet.ClassName;
import dev.fibered.processor.lower.MachineModel;
import java.util.List;
import java.util.Set;

/**
 * One generated file: the machines of every {@code @Fibered} method of one host type.
 *
 * @param className the generated class, {@code FooFibers}
 * @param hostName the host type's name as source in the same package ({@code Outer.Inner})
 * @param sourceFileName the host's file, for comments
 * @param importLines the host file's imports, copied so copied code resolves names the same way
 * @param alwaysQualify simple names JavaPoet must not import, since the host file uses them
 * @param generatedAnnotation {@code javax.annotation.processing.Generated} if on the platform
 * @param machines the methods, in source order
 */
public record FibersFile(
    ClassName className,
    String hostName,
    String sourceFileName,
    List<String> importLines,
    Set<String> alwaysQualify,
    ClassName generatedAnnotation,
    List<MachineModel> machines) {}
