package dev.fibered.functional;

import static dev.fibered.functional.Check.same;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Local classes, records, interfaces and enums in @Fibered bodies ({@link CorpusLocalClasses}). */
@Timeout(value = 5, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class LocalClassesTest {
  @Test
  void localRecordsKeepTheirToStringEqualsAndConstructors() {
    same(() -> CorpusLocalClasses.records(4), () -> CorpusLocalClassesFibers.records(4));
  }

  @Test
  void eachInstanceCapturesTheValuesOfItsOwnIteration() {
    same(
        () -> CorpusLocalClasses.capturesPerIteration(3),
        () -> CorpusLocalClassesFibers.capturesPerIteration(3));
  }

  @Test
  void localInterfacesAndEnums() {
    same(
        () -> CorpusLocalClasses.enumsAndInterfaces(3),
        () -> CorpusLocalClassesFibers.enumsAndInterfaces(3));
  }

  @Test
  void hostMembersThisAndTypeVariables() {
    same(
        () -> new CorpusLocalClasses().instanceAndGeneric("pear", "fig"),
        () -> CorpusLocalClassesFibers.instanceAndGeneric(new CorpusLocalClasses(), "pear", "fig"));
  }

  @Test
  void aLocalClassExtendsAnotherWithSuperCalls() {
    same(() -> CorpusLocalClasses.inheritance(2), () -> CorpusLocalClassesFibers.inheritance(2));
  }

  @Test
  void eachNameMeansTheTypeInScope() {
    same(
        () -> CorpusLocalClasses.namesAndShadowing(2),
        () -> CorpusLocalClassesFibers.namesAndShadowing(2));
    same(
        () -> CorpusLocalClasses.namesAndShadowing(0),
        () -> CorpusLocalClassesFibers.namesAndShadowing(0));
  }

  @Test
  void localClassesInPlainJavaScopesStayLocal() {
    same(() -> CorpusLocalClasses.copiedInPlace(4), () -> CorpusLocalClassesFibers.copiedInPlace(4));
  }

  @Test
  void aLocalClassReferringToItself() {
    same(() -> CorpusLocalClasses.linkedList(5), () -> CorpusLocalClassesFibers.linkedList(5));
  }

  @Test
  void declaredInASwitchCase() {
    for (int n = 0; n < 3; n++) {
      int k = n;
      same(() -> CorpusLocalClasses.inASwitchCase(k), () -> CorpusLocalClassesFibers.inASwitchCase(k));
    }
  }

  @Test
  void createdFromLambdasAndAnonymousClasses() {
    same(
        () -> CorpusLocalClasses.createdFromLambdasAndAnonymousClasses(3),
        () -> CorpusLocalClassesFibers.createdFromLambdasAndAnonymousClasses(3));
  }

  @Test
  void genericClassesStaticMembersAndPatterns() {
    same(
        () -> CorpusLocalClasses.genericStaticAndPatterns(4),
        () -> CorpusLocalClassesFibers.genericStaticAndPatterns(4));
  }

  @Test
  void aMethodOfTheLocalClassHidesTheHostsMethod() {
    same(
        () -> CorpusLocalClasses.ownMethodNamedAsAHostMethod(4),
        () -> CorpusLocalClassesFibers.ownMethodNamedAsAHostMethod(4));
  }

  @Test
  void writesHostFieldsAndThrows() {
    same(
        () -> new CorpusLocalClasses().writesTheHost(4),
        () -> CorpusLocalClassesFibers.writesTheHost(new CorpusLocalClasses(), 4));
  }

  @Test
  void varargsParametersAndComponents() {
    same(() -> CorpusLocalClasses.varargs(4), () -> CorpusLocalClassesFibers.varargs(4));
  }
}
